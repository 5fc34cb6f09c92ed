package jp.kakehashi.security;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Office memberships (user_office): a plain join table, so plain SQL. */
@Singleton
public class Memberships {
    private final JdbcOperations jdbc;

    Memberships(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's offices, in code order. */
    public Set<String> of(long userId) {
        return jdbc.prepareStatement("SELECT office_code FROM user_office WHERE user_id = ?", ps -> {
            ps.setLong(1, userId);
            Set<String> codes = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        });
    }

    /**
     * The user, unless this token was signed out, with their offices: one statement for the read
     * every signed-in request makes (a row per office, or one row with none).
     */
    Optional<Verified> notSignedOut(long userId, String jti) {
        return jdbc.prepareStatement("""
                SELECT u.*, o.office_code AS member_of FROM app_user u
                LEFT JOIN user_office o ON o.user_id = u.id
                WHERE u.id = ? AND NOT EXISTS (SELECT 1 FROM revoked_token r WHERE r.jti = ?)""", ps -> {
            ps.setLong(1, userId);
            ps.setString(2, jti);
            User user = null;
            Set<String> offices = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (user == null) {
                        user = jdbc.readEntity(rs, User.class);
                    }
                    String office = rs.getString("member_of");
                    if (office != null) {
                        offices.add(office);
                    }
                }
            }
            return Optional.ofNullable(user).map(u -> new Verified(u, offices));
        });
    }

    /** Replaces a user's memberships (an admin edit; not on the concurrent account-creation path). */
    void replace(long userId, Collection<String> offices) {
        jdbc.prepareStatement("DELETE FROM user_office WHERE user_id = ?", ps -> {
            ps.setLong(1, userId);
            return ps.executeUpdate();
        });
        add(userId, offices);
    }

    /** Adds memberships of a new user: insert only, since a DELETE first would take gap locks that
     * deadlock concurrent account creation. */
    void add(long userId, Collection<String> offices) {
        if (offices.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO user_office (user_id, office_code) VALUES (?, ?)", ps -> {
            for (String office : offices) {
                ps.setLong(1, userId);
                ps.setString(2, office);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }
}
