/**
 * Rule packs as data: {@link se.epostpolicy.pack.PackRepository} finds pack versions on the
 * classpath or on disk and resolves one, with what it includes, into a
 * {@link se.epostpolicy.pack.ResolvedPack}.
 */
package se.epostpolicy.pack;
