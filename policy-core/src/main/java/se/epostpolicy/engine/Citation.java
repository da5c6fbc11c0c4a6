package se.epostpolicy.engine;

import java.util.Objects;

/**
 * The paragraph of a policy document that demands a verdict.
 *
 * @param document the source document's file name ({@code 000_6f22731d08f2bb4b.txt})
 * @param heading the heading in it ({@code Personuppgifter och sekretess})
 * @since 0.1
 */
public record Citation(String document, String heading) {
  public Citation {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(heading, "heading");
  }

  /** {@code document › heading}, as shown to people. */
  @Override
  public String toString() {
    return heading.isEmpty() ? document : document + " › " + heading;
  }
}
