package jp.kakehashi.office;

/**
 * When an office's approved translations reach readers, once the bulletin's source edition is out:
 * with the whole bulletin, all at once ({@link #BULLETIN}), or each as soon as an editor approves it
 * ({@link #ITEM}), for offices whose readers would rather have the first translations early.
 */
public enum ReleaseMode { BULLETIN, ITEM }
