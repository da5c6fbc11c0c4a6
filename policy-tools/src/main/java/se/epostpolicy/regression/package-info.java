/**
 * Regression cases as data: a {@code suite.yaml} beside the mails it names, read by
 * {@link se.epostpolicy.regression.RegressionSuite} and checked against a decision.
 */
package se.epostpolicy.regression;
