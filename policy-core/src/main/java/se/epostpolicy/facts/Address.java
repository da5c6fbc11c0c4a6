package se.epostpolicy.facts;

import java.util.Locale;
import java.util.Objects;
import se.epostpolicy.detect.Masking;

/**
 * An e-mail address with its display name, as written in a header.
 *
 * @param address the addr-spec, lower-cased ({@code anna.andersson@regionvarmland.se}); never {@code null}
 * @param displayName the decoded display name, or an empty string
 * @since 0.1
 */
public record Address(String address, String displayName) {

  public Address {
    address = Objects.requireNonNull(address, "address").trim().toLowerCase(Locale.ROOT);
    displayName = displayName == null ? "" : displayName.trim();
  }

  /** The part after {@code @}, or an empty string for an address without one. */
  public String domain() {
    int at = address.lastIndexOf('@');
    return at < 0 ? "" : address.substring(at + 1);
  }

  /** The part before {@code @}. */
  public String localPart() {
    int at = address.lastIndexOf('@');
    return at < 0 ? address : address.substring(0, at);
  }

  /** The address with its local part masked ({@code ****@gmail.com}): facts are logged, and a local part is often a name. */
  @Override
  public String toString() {
    return Masking.address(address);
  }
}
