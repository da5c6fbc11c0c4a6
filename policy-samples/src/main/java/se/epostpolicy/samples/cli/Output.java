package se.epostpolicy.samples.cli;

import se.epostpolicy.engine.Decision;

/** Where decisions are written, in one format. */
interface Output {
  void decision(Decision decision);

  void failure(String source, String policy, String error);

  void summary(int evaluated, int failed);
}
