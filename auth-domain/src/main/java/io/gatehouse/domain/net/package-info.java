/** Rules about network addresses that requests made on a user's or provider's say-so must respect. */
package io.gatehouse.domain.net;
