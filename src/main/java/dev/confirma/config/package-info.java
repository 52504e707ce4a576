/** Server-wide configuration: the public URL, and the warning for unknown {@code confirma.*} keys. */
package dev.confirma.config;
