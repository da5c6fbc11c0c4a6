/**
 * Content detectors: identity numbers ({@link se.epostpolicy.detect.IdentityNumbers}) and the
 * marker vocabulary each pack ships ({@link se.epostpolicy.detect.Vocabulary}). Add a
 * {@link se.epostpolicy.detect.Detector} to find more.
 */
package se.epostpolicy.detect;
