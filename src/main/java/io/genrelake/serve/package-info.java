/**
 * {@code genrelake serve}: a small local web page and {@code POST /identify} on the JDK's own HTTP server
 * ({@code com.sun.net.httpserver}: no servlet container for one page and one endpoint).
 */
package io.genrelake.serve;
