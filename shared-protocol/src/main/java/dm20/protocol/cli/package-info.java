/** Reading a plain command line without picocli, for both processes' start ({@link dm20.protocol.cli.PlainArgs}). */
package dm20.protocol.cli;
