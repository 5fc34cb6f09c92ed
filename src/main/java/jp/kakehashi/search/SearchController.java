package jp.kakehashi.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.kakehashi.analysis.Chains;
import jp.kakehashi.http.Paging;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.pair.PairStatus;
import jp.kakehashi.security.StaffLookup;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** {@code GET /api/v1/search} (anyone; readers see released pairs only) and {@code /api/v1/analyze} (staff). */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {
    static final int MAX_QUERY_PARAM = 10_000;
    static final int MAX_ANALYZE = 10_000;
    private final SearchService search;
    private final StaffLookup staff;
    private final OfficeDirectory offices;
    private final Chains chains;

    SearchController(SearchService search, StaffLookup staff, OfficeDirectory offices, Chains chains) {
        this.search = search;
        this.staff = staff;
        this.offices = offices;
        this.chains = chains;
    }

    @Get("/search{?q,office,from,to,lang,status,page,size}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    SearchResult search(@Nullable String q, @Nullable String office, @Nullable LocalDate from, @Nullable LocalDate to,
                        @Nullable String lang, @Nullable String status, @Nullable Integer page, @Nullable Integer size,
                        @Nullable Authentication auth) {
        boolean isStaff = staff.isStaff(auth);
        String text = q == null ? "" : q;
        if (text.length() > MAX_QUERY_PARAM) {
            throw new ApiException(ErrorCode.FIELD_TOO_LONG, "q is longer than " + MAX_QUERY_PARAM)
                    .with("field", "q").with("limit", MAX_QUERY_PARAM);
        }
        Paging paging = Paging.of(page, size, 10, SearchRequest.MAX_SIZE, SearchRequest.MAX_PAGE);
        if (office != null && !offices.exists(office)) {
            throw ApiException.invalidParameter("office", "Unknown office");
        }
        if (lang != null && !Set.of("ja", "en").contains(lang)) {
            throw ApiException.invalidParameter("lang", "lang must be ja or en");
        }
        if (status != null && java.util.Arrays.stream(PairStatus.values()).noneMatch(v -> v.name().equals(status))) {
            throw ApiException.invalidParameter("status", "Unknown status");
        }
        return search.search(new SearchRequest(text, office, from, to, lang, status, paging.page(), paging.size(),
                isStaff));
    }

    @Serdeable
    record TokenView(String term, int start, int end, String type, int position, int positionLength) {
    }

    @Serdeable
    record AnalyzeView(String analyzer, List<TokenView> tokens) {
    }

    @Get("/analyze{?analyzer,text}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    AnalyzeView analyze(@Nullable String analyzer, @Nullable String text, @Nullable Authentication auth) {
        staff.require(auth);
        String name = analyzer == null ? "ja" : analyzer;
        if (!Chains.NAMES.contains(name)) {
            throw ApiException.invalidParameter("analyzer", "analyzer must be one of " + Chains.NAMES);
        }
        String t = text == null ? "" : text;
        if (t.length() > MAX_ANALYZE) {
            throw new ApiException(ErrorCode.FIELD_TOO_LONG, "text is longer than " + MAX_ANALYZE)
                    .with("field", "text").with("limit", MAX_ANALYZE);
        }
        List<TokenView> tokens = new ArrayList<>();
        try (TokenStream ts = chains.require(name).tokenStream("f", t)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                tokens.add(new TokenView(term.toString(), offset.startOffset(), offset.endOffset(), type.type(),
                        position, len.getPositionLength()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AnalyzeView(name, tokens);
    }
}
