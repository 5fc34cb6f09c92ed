package jp.kakehashi.pair;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;
import java.util.List;

/** Captions and image names are single lines, so a list of them is stored newline-joined. */
@Singleton
public class LinesConverter implements AttributeConverter<List<String>, String> {
    @Override
    public String convertToPersistedValue(List<String> lines, ConversionContext context) {
        return lines == null ? "" : String.join("\n", lines);
    }

    @Override
    public List<String> convertToEntityValue(String value, ConversionContext context) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split("\n", -1));
    }
}
