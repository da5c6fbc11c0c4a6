package se.epostpolicy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.epostpolicy.detect.Detectors;
import se.epostpolicy.detect.ScannedText;
import se.epostpolicy.facts.Location;
import se.epostpolicy.facts.MarkerType;
import se.epostpolicy.pack.PackRef;
import se.epostpolicy.pack.PackRepository;

/**
 * Precision and recall of the bundled vocabulary on the labelled corpus, per marker type. Every
 * type needs at least 20 positive and 20 negative examples and 0.95 on both measures.
 */
class DetectorCorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/detector-corpus");
  static final LocalDate MAIL_DATE = LocalDate.of(2024, 3, 12);

  record Example(boolean positive, String text) {}

  @Test
  void everyMarkerTypeReachesPrecisionAndRecallOf095() throws Exception {
    Detectors detectors = new Detectors(
        PackRepository.classpath().resolve(PackRef.parse("region-varmland")).vocabulary(), List.of());
    List<String> below = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    StringBuilder table = new StringBuilder(String.format("%-27s %4s %4s %4s %4s %9s %7s%n", "marker", "TP", "FP", "FN", "TN", "precision", "recall"));
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString().replace(".txt", ""))
        .as("a corpus file per marker type").containsExactlyInAnyOrder(
            Stream.of(MarkerType.values()).map(Enum::name).toArray(String[]::new));
    for (Path file : files) {
      MarkerType type = MarkerType.valueOf(file.getFileName().toString().replace(".txt", ""));
      List<Example> examples = read(file);
      int tp = 0, fp = 0, fn = 0, tn = 0;
      for (Example e : examples) {
        boolean found = detectors.scan(List.of(new ScannedText(Location.BODY, "", e.text(), false)), MAIL_DATE)
            .stream().anyMatch(m -> m.type() == type && detectors.counts(m));
        if (e.positive() && found) tp++;
        else if (e.positive()) { fn++; missed.add(type + " missed: " + e.text()); }
        else if (found) { fp++; missed.add(type + " false hit: " + e.text()); }
        else tn++;
      }
      double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      table.append(String.format("%-27s %4d %4d %4d %4d %9.3f %7.3f%n", type, tp, fp, fn, tn, precision, recall));
      if (tp + fn < 20 || fp + tn < 20) below.add(type + ": fewer than 20 positive or negative examples");
      if (precision < 0.95 || recall < 0.95) below.add(type + String.format(": precision %.3f, recall %.3f", precision, recall));
    }
    System.out.print(table);
    missed.forEach(System.out::println);
    assertThat(below).as("marker types below the bar").isEmpty();
  }

  /**
   * The held-out lines were never used to tune the lists. They gate at the figure measured when
   * the gate was set (89 of 90 right: one THREAT false hit, "döda myten"), so a change that loses
   * any of them fails; tune on other texts, never on these.
   */
  @Test
  void heldOutTextsAreMeasuredAndReported() throws Exception {
    Detectors detectors = new Detectors(
        PackRepository.classpath().resolve(PackRef.parse("region-varmland")).vocabulary(), List.of());
    java.util.Map<MarkerType, int[]> counts = new java.util.TreeMap<>();
    List<String> wrong = new ArrayList<>();
    int lines = 0;
    for (String line : Files.readAllLines(CORPUS.resolve("holdout/holdout.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split(" ", 3);
      MarkerType type = MarkerType.valueOf(f[0]);
      boolean positive = f[1].equals("+");
      boolean found = detectors.scan(List.of(new ScannedText(Location.BODY, "", f[2], false)), MAIL_DATE)
          .stream().anyMatch(m -> m.type() == type && detectors.counts(m));
      int[] c = counts.computeIfAbsent(type, k -> new int[4]); // TP FP FN TN
      c[positive ? (found ? 0 : 2) : (found ? 1 : 3)]++;
      if (positive != found) wrong.add(type + (positive ? " missed: " : " false hit: ") + f[2]);
      lines++;
    }
    System.out.printf("held-out: %d texts%n", lines);
    counts.forEach((type, c) -> System.out.printf("%-27s %4d %4d %4d %4d %9.3f %7.3f%n", type, c[0], c[1], c[2], c[3],
        c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]), c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2])));
    wrong.forEach(System.out::println);
    assertThat(lines).isGreaterThanOrEqualTo(90);
    assertThat(wrong).as("held-out texts decided wrongly").hasSizeLessThanOrEqualTo(HELD_OUT_WRONG_AT_MOST);
  }

  private static final int HELD_OUT_WRONG_AT_MOST = 1;

  static List<Example> read(Path file) throws Exception {
    List<Example> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) continue;
      if (l.startsWith("+ ")) out.add(new Example(true, l.substring(2)));
      else if (l.startsWith("- ")) out.add(new Example(false, l.substring(2)));
      else throw new IllegalArgumentException(file + ": a line must start with '+ ', '- ' or '#': " + l);
    }
    return out;
  }
}
