/** Test support shared by every module's tests (published in shared-protocol's test-jar). */
package dm20.protocol.testing;
