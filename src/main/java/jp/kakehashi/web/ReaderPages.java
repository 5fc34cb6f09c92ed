package jp.kakehashi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakehashi.align.Aligner;
import jp.kakehashi.align.Paragraphs;
import jp.kakehashi.bulletin.BulletinReader;
import jp.kakehashi.bulletin.BulletinView;
import jp.kakehashi.i18n.Messages;
import jp.kakehashi.office.OfficeDirectory;
import jp.kakehashi.pair.PairView;
import jp.kakehashi.search.SearchRequest;
import jp.kakehashi.search.SearchService;
import jp.kakehashi.system.ApiException;
import jp.kakehashi.system.ErrorCode;

/**
 * Pages for readers (no login): search with facets, and a bulletin with each item's two languages
 * side by side. Server-rendered with Thymeleaf, which escapes every {@code th:text}; the only
 * {@code th:utext} are search snippets, escaped by the highlighter before {@code <mark>} is added.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class ReaderPages {
    private static final int PAGE_SIZE = 20;
    private final SearchService search;
    private final BulletinReader bulletins;
    private final OfficeDirectory offices;
    private final Messages messages;
    private final PageLocale locales;
    private final Aligner aligner;
    private final byte[] css;
    private final byte[] js;

    ReaderPages(SearchService search, BulletinReader bulletins, OfficeDirectory offices, Messages messages,
                PageLocale locales, Aligner aligner) {
        this.aligner = aligner;
        this.search = search;
        this.bulletins = bulletins;
        this.offices = offices;
        this.messages = messages;
        this.locales = locales;
        this.css = asset("assets/site.css");
        this.js = asset("assets/work.js");
    }

    @Get(uri = "/{?q,office,year,page,lang}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> search(HttpRequest<?> request, @Nullable String q, @Nullable String office,
                                  @Nullable Integer year, @Nullable Integer page, @Nullable String lang) {
        Locale locale = locales.of(request, lang);
        Map<String, Object> model = base(messages, request, locale);
        ((Texts) model.get("t")).withOffices(offices.all());
        String query = q == null ? "" : q.length() > 1000 ? q.substring(0, 1000) : q;
        String officeFilter = office != null && offices.exists(office) ? office : null;
        Integer yearFilter = year != null && year >= 1989 && year <= 2200 ? year : null;
        int p = page == null || page < 0 ? 0 : Math.min(page, 50);
        model.put("q", query);
        model.put("office", officeFilter);
        model.put("year", yearFilter);
        model.put("offices", offices.all());
        model.put("feeds", feeds((Texts) model.get("t"), query, officeFilter));
        try {
            model.put("result", search.search(new SearchRequest(query, officeFilter,
                    yearFilter == null ? null : LocalDate.of(yearFilter, 1, 1),
                    yearFilter == null ? null : LocalDate.of(yearFilter, 12, 31), null, null, p, PAGE_SIZE, false)));
        } catch (ApiException e) {
            if (e.code() != ErrorCode.SEARCH_UNAVAILABLE) {
                throw e;
            }
            model.put("unavailable", true);
        }
        return page(new ModelAndView<>("search", model), lang);
    }

    /** Each translated item's paragraphs side by side, row by row as the alignment joins them. */
    private Map<Long, List<Paragraphs.Row>> rows(BulletinView bulletin) {
        Map<Long, List<Paragraphs.Row>> rows = new HashMap<>();
        for (PairView p : bulletin.pairs()) {
            if (p.target() != null) {
                rows.put(p.id(), Paragraphs.rows(p.alignment(aligner)));
            }
        }
        return rows;
    }

    @Get(uri = "/bulletins/{id}{?lang}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> bulletin(HttpRequest<?> request, @PathVariable long id, @Nullable String lang) {
        Locale locale = locales.of(request, lang);
        Map<String, Object> model = base(messages, request, locale);
        ((Texts) model.get("t")).withOffices(offices.all());
        try {
            BulletinView bulletin = bulletins.bulletin(id, false);
            model.put("bulletin", bulletin);
            model.put("feeds", feeds((Texts) model.get("t"), "", null));
            model.put("rows", rows(bulletin));
        } catch (ApiException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            model.put("code", ErrorCode.NOT_FOUND.name());
            return HttpResponse.notFound().body(new ModelAndView<>("error", model));
        }
        return page(new ModelAndView<>("bulletin", model), lang);
    }

    /** An Atom feed a page offers (a link in its head and, for a search, one people see). */
    record FeedLink(String title, String href) {
    }

    /** The archive's feed in the page's language and, for a search, the search kept as a feed. */
    static List<FeedLink> feeds(Texts t, String query, @Nullable String office) {
        List<FeedLink> links = new java.util.ArrayList<>();
        links.add(new FeedLink(t.get("feed.bulletins"), "/feeds/bulletins.atom?lang=" + t.lang()));
        if (!query.isBlank() && query.length() <= 200) {
            io.micronaut.http.uri.UriBuilder b = io.micronaut.http.uri.UriBuilder.of("/feeds/search.atom")
                    .queryParam("q", query).queryParam("lang", t.lang());
            if (office != null) {
                b.queryParam("office", office);
            }
            links.add(new FeedLink(t.get("page.searchFeed"), b.toString()));
        }
        return links;
    }

    @Get(uri = "/assets/site.css", produces = "text/css")
    HttpResponse<byte[]> css() {
        return HttpResponse.ok(css).header("Cache-Control", "public, max-age=3600");
    }

    @Get(uri = "/assets/work.js", produces = "text/javascript")
    HttpResponse<byte[]> js() {
        return HttpResponse.ok(js).header("Cache-Control", "public, max-age=3600");
    }

    private static byte[] asset(String path) {
        try (InputStream in = ReaderPages.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> base(Messages messages, HttpRequest<?> request, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        Texts texts = new Texts(messages, locale);
        model.put("t", texts);
        model.put("switchUrl", switchUrl(request, texts.other()));
        return model;
    }

    /** This page in the other language: same path and parameters, lang replaced. */
    static String switchUrl(HttpRequest<?> request, String lang) {
        io.micronaut.http.uri.UriBuilder b = io.micronaut.http.uri.UriBuilder.of(request.getPath());
        request.getParameters().forEach((name, values) -> {
            if (!name.equals("lang")) {
                values.forEach(v -> b.queryParam(name, v));
            }
        });
        return b.queryParam("lang", lang).toString();
    }

    private MutableHttpResponse<?> page(ModelAndView<?> view, @Nullable String lang) {
        MutableHttpResponse<?> response = HttpResponse.ok(view);
        locales.remember(response, lang);
        return response;
    }
}
