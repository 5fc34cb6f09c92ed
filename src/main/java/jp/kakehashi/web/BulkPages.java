package jp.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakehashi.pair.PairBulk;
import jp.kakehashi.system.ApiException;

/**
 * The work queue's selection: one action on the ticked pairs, through the API's path ({@link PairBulk}),
 * all or nothing. Back on the queue, the page says how many pairs changed, or which one refused and why.
 */
@Hidden
@Controller("/work/bulk")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class BulkPages {
    private final PageSession session;
    private final PairBulk bulk;

    BulkPages(PageSession session, PairBulk bulk) {
        this.session = session;
        this.bulk = bulk;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> act(HttpRequest<?> request, @Body String body) {
        var me = session.of(request);
        if (me.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        Map<String, List<String>> f = Forms.parse(body);
        UriBuilder back = UriBuilder.of("/work");
        String office = Forms.first(f, "office");
        if (office != null && !office.isBlank()) {
            back.queryParam("office", office);
        }
        if (!Csrf.valid(request, Forms.first(f, "_csrf"))) {
            return HttpResponse.seeOther(back.queryParam("error", "FORBIDDEN").build());
        }
        try {
            PairBulk.BulkView done = bulk.act(new PairBulk.BulkCommand(Forms.first(f, "action"), ids(f),
                    blankToNull(Forms.first(f, "reason")), blankToNull(Forms.first(f, "assignee"))), me.get());
            return HttpResponse.seeOther(back.queryParam("bulk", done.action())
                    .queryParam("count", done.pairs().size()).build());
        } catch (ApiException e) {
            back.queryParam("error", e.code().name());
            if (e.extensions().get("pairId") instanceof Long failed) {
                back.queryParam("failed", failed);
            }
            return HttpResponse.seeOther(back.build());
        }
    }

    private static List<Long> ids(Map<String, List<String>> f) {
        List<Long> ids = new ArrayList<>();
        for (String value : Forms.all(f, "pair")) {
            try {
                ids.add(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("pair", "pair must be a pair id");
            }
        }
        return ids;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
