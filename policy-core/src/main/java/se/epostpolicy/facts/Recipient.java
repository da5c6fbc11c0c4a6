package se.epostpolicy.facts;

import java.util.Objects;

/**
 * One recipient of a message, classified against the organisation profile.
 *
 * @param address the recipient's address
 * @param field the header the recipient stands in
 * @param internal the domain is one of the organisation's
 * @param privateProvider the domain is a private mail provider (gmail.com, hotmail.se, …)
 * @since 0.1
 */
public record Recipient(Address address, Field field, boolean internal, boolean privateProvider) {

  /** The header a recipient was named in. */
  public enum Field { TO, CC, BCC }

  public Recipient {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(field, "field");
  }
}
