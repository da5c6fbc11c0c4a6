/** Examples of embedding e-postpolicy. */
package se.epostpolicy.samples;
