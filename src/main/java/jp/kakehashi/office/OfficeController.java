package jp.kakehashi.office;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

@Controller("/api/v1/offices")
@ExecuteOn(TaskExecutors.BLOCKING)
class OfficeController {
    private final OfficeDirectory offices;

    OfficeController(OfficeDirectory offices) {
        this.offices = offices;
    }

    @Get
    List<OfficeView> list() {
        return offices.all().stream().map(OfficeView::of).toList();
    }
}
