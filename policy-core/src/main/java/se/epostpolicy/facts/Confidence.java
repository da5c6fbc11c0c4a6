package se.epostpolicy.facts;

/**
 * How strongly a marker's evidence holds, in the way Presidio and Purview grade matches: the primary
 * element alone, with a reference to the person near it, or with an identity number near it. A
 * pack's vocabulary sets the level a marker type needs to count ({@code minConfidence}); markers
 * below it stay visible in the explanation but decide nothing.
 *
 * @since 0.2
 */
public enum Confidence {
  /** The primary element, and a person only elsewhere in the message. */
  LOW,
  /** The primary element with a reference to the person near it. */
  MEDIUM,
  /** The primary element with an identity number near it, a strong element with a person near it, or an element that needs no person. */
  HIGH;

  /** True when this level is {@code other} or higher. */
  public boolean atLeast(Confidence other) {
    return compareTo(other) >= 0;
  }
}
