/**
 * Content detectors: identity numbers (personnummer and samordningsnummer, checked by date and Luhn) and the
 * marker vocabulary each pack ships ({@link se.epostpolicy.detect.Vocabulary}). Add a
 * {@link se.epostpolicy.detect.Detector} to find more. {@link se.epostpolicy.detect.Masking} is the
 * one policy for what of a mail a user or a log may see.
 */
package se.epostpolicy.detect;
