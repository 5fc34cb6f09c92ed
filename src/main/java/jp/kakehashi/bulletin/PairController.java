package jp.kakehashi.bulletin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jp.kakehashi.system.ApiException;

@Controller("/api/v1/pairs")
@ExecuteOn(TaskExecutors.BLOCKING)
class PairController {
    private final BulletinReader reader;

    PairController(BulletinReader reader) {
        this.reader = reader;
    }

    @Get("/{id}")
    HttpResponse<PairView> get(@PathVariable long id) {
        PairView view = reader.pair(id, String::valueOf).orElseThrow(() -> ApiException.notFound("Pair " + id));
        return HttpResponse.ok(view).header("ETag", "\"" + view.version() + "\"");
    }
}
