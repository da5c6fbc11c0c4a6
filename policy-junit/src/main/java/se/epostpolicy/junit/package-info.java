/** JUnit 5 entry point for a project's own policy packs and regression cases: {@link se.epostpolicy.junit.PolicyRegression}. */
package se.epostpolicy.junit;
