package io.ordercare.dialog.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled utterance of the NLU data ({@code nlu/train.tsv}, {@code nlu/test.tsv}: {@code lang<TAB>intent<TAB>text},
 * lines starting with '#' are comments).
 */
public record Example(Lang lang, String intent, String text) {

    public static final String TRAIN = "nlu/train.tsv";
    public static final String TEST = "nlu/test.tsv";

    /** Reads a labelled file from the class path; fails on an unknown language or intent. */
    public static List<Example> load(String resource) {
        InputStream in = Example.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("NLU data " + resource + " is not on the class path");
        }
        return read(in, resource);
    }

    /** Reads a labelled file from the file system (tools run against the source tree). */
    public static List<Example> load(Path file) throws IOException {
        return read(Files.newInputStream(file), file.toString());
    }

    private static List<Example> read(InputStream in, String source) {
        List<Example> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 3);
                if (cols.length != 3 || !Intents.ALL.contains(cols[1]) || !(cols[0].equals("zh") || cols[0].equals("en"))) {
                    throw new IllegalStateException(source + " line " + n + ": expected zh|en <TAB> intent <TAB> text");
                }
                out.add(new Example(cols[0].equals("zh") ? Lang.ZH : Lang.EN, cols[1], cols[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
