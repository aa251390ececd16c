/** The three roles of Open WebUI and what each may do. */
package io.gatehouse.domain.role;
