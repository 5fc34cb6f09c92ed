package jp.kakehashi.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;

/** Test sources only: a page whose template fails while rendering, as a programming error would. */
@Hidden
@Controller("/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
class BrokenPageController {
    @Get(uri = "/broken-page", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> broken() {
        return new ModelAndView<>("broken-for-test", Map.of());
    }
}
