package jp.kakehashi;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/** The API document is generated from the controllers at compile time (system/ApiDocs serves it). */
@OpenAPIDefinition(info = @Info(title = "Kakehashi", version = "1",
        description = "Bilingual bulletins: import, translate, review, release and search Japanese and English "
                + "pairs. Errors are application/problem+json with a stable code (see ErrorCode).",
        license = @License(name = "Proprietary")))
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
