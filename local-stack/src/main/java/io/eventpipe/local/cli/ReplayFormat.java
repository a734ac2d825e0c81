package io.eventpipe.local.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The layout of a replay file: one JSON object per line, or CSV rows. */
enum ReplayFormat {
    JSONL("jsonl"),
    CSV("csv");

    private final String optionValue;

    ReplayFormat(String optionValue) {
        this.optionValue = optionValue;
    }

    /** Guesses from the name when {@code --format} is absent: {@code .csv} or {@code .csv.gz}. */
    static ReplayFormat fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz") ? CSV : JSONL;
    }

    @Override
    public String toString() {
        return optionValue;
    }
}
