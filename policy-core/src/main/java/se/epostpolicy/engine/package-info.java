/**
 * The engine: {@link se.epostpolicy.engine.PolicyEngine} runs a pack's Drools rules over a
 * message's facts and returns a {@link se.epostpolicy.engine.Decision} of
 * {@link se.epostpolicy.engine.Verdict}s and {@link se.epostpolicy.engine.Notice}s, each backed by
 * a {@link se.epostpolicy.engine.Hit} that cites the paragraph demanding it.
 */
package se.epostpolicy.engine;
