/**
 * Text helpers every layer may use (a leaf: imports nothing else from Bossa), such as
 * {@link org.bossa.text.LogSafe} for strings from the wire in log lines.
 */
package org.bossa.text;
