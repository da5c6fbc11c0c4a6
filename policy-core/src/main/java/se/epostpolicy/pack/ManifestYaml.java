package se.epostpolicy.pack;

import static se.epostpolicy.internal.YamlValues.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import se.epostpolicy.RulePackException.Problem;
import se.epostpolicy.facts.OrganisationProfile;
import se.epostpolicy.internal.YamlValues;

/** A pack manifest ({@code pack.yaml}) read from YAML: every problem named with its file, none thrown. */
final class ManifestYaml {

  private ManifestYaml() {}

  /** The manifest in {@code content}, or {@code null} when it cannot be read at all; problems go to {@code problems}. */
  static PackManifest parse(String content, String file, String folder, List<Problem> problems) {
    try {
      JsonNode n = YamlValues.YAML.readTree(content);
      if (n == null || !n.isObject()) {
        problems.add(new Problem(file, 1, "manifest is not a YAML mapping"));
        return null;
      }
      return manifest(n, file, folder, problems);
    } catch (IOException e) {
      problems.add(new Problem(file, line(e), "manifest is not valid YAML: " + firstLine(e.getMessage())));
      return null;
    }
  }

  private static PackManifest manifest(JsonNode n, String file, String folder, List<Problem> problems) {
    String[] required = {"id", "version", "title", "organisation", "source", "inForce"};
    for (String field : required) {
      if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) problems.add(new Problem(file, 0, "missing field '" + field + "'"));
    }
    String id = n.path("id").asText("");
    String version = n.path("version").asText("");
    if (!folder.equals(id + "/" + version) && !id.isEmpty() && !version.isEmpty()) {
      problems.add(new Problem(file, 0, "id and version (" + id + "@" + version + ") must match the folder " + folder));
    }
    LocalDate inForce = null;
    try {
      if (n.hasNonNull("inForce") && !n.get("inForce").asText().equals(PackRepository.UNDATED)) inForce = LocalDate.parse(n.get("inForce").asText());
    } catch (DateTimeParseException e) {
      problems.add(new Problem(file, 0, "inForce is not a date (YYYY-MM-DD) nor '" + PackRepository.UNDATED + "'"));
    }
    List<String> includes = strings(n.get("includes"));
    OrganisationProfile.Settings profile = OrganisationProfile.Settings.NONE;
    if (n.has("profile")) {
      List<String> found = new ArrayList<>();
      if (n.get("profile").isObject()) profile = OrganisationProfile.Settings.of(YamlValues.map(n.get("profile")), found);
      else found.add("profile is not a mapping");
      for (String f : found) problems.add(new Problem(file, 0, f));
    }
    PackManifest.ReviewRule review = null;
    JsonNode r = n.get("review");
    if (r != null && r.isObject()) {
      review = new PackManifest.ReviewRule(r.path("id").asText(""), r.path("source").asText(""),
          r.path("heading").asText(""), r.path("reason").asText(""));
      if (review.id().isBlank() || review.reason().isBlank()) problems.add(new Problem(file, 0, "review needs an id and a reason"));
    }
    return new PackManifest(id, version, n.path("title").asText(""), n.path("organisation").asText(""),
        n.path("source").asText(""), inForce, includes, strings(n.get("replaces")), strings(n.get("sources")),
        n.path("abstract").asBoolean(false), profile, review);
  }

  static int line(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
      return Math.max(0, j.getLocation().getLineNr());
    }
    return 0;
  }

  static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
