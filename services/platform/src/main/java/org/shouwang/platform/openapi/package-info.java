/**
 * The API docs of every service with an API (springdoc, {@code /v3/api-docs} and {@code
 * /swagger-ui.html}, both behind the API's HTTP Basic login): HTTP Basic declared as the security
 * scheme and the roles each operation needs written into its description.
 */
package org.shouwang.platform.openapi;
