package se.epostpolicy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.epostpolicy.facts.Address;

/** The linear address picker finds what the regular expression it replaced found, on any text. */
class LooseAddressesTest {

  private static final Pattern REGEX = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(?:\\.[\\w-]+)+");

  private static List<String> regex(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = REGEX.matcher(s);
    while (m.find()) out.add(m.group());
    return out;
  }

  private static List<String> loose(String s) {
    List<Address> out = new ArrayList<>();
    MailReader.looseAddresses(s, out);
    return out.stream().map(Address::address).toList();
  }

  @Test
  void findsWhatTheRegexFound() {
    assertThat(loose("Anna <anna.berg@regionvarmland.se>, x@y, \"B\" b-c_d@sub.example.org.")).containsExactly(
        "anna.berg@regionvarmland.se", "b-c_d@sub.example.org");
    Random random = new Random(42);
    String alphabet = "ab1_.-@ ,<>\"=?åé";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(30);
      for (int j = 0; j < n; j++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      assertThat(loose(s.toString())).as("'%s'", s).isEqualTo(regex(s.toString()));
    }
  }
}
