/**
 * The fact model: immutable records that rules test ({@link se.epostpolicy.facts.Message},
 * {@link se.epostpolicy.facts.Attachment}, {@link se.epostpolicy.facts.Marker}) and the
 * {@link se.epostpolicy.facts.OrganisationProfile} they are judged against.
 */
package se.epostpolicy.facts;
