/** The {@code policy-check} command line, built on the public API only. */
package se.epostpolicy.samples.cli;
