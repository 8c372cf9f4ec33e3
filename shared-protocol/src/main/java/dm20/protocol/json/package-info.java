/**
 * JSON for every wire record of the project, carried on Helidon's JSON parser and generator
 * ({@code io.helidon.json:helidon-json}): {@link dm20.protocol.json.WireJson} binds any record by its
 * components, {@link dm20.protocol.json.WireFamily} adds the {@code type} discriminator of a sealed family,
 * {@link dm20.protocol.json.Wire} holds the two annotations a record may need (a wire name that is not a
 * Java name, a derived value written for readers). docs/protocol.md §0 states the rules.
 */
package dm20.protocol.json;
