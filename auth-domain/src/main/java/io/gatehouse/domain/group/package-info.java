/**
 * Groups of users, their memberships and where each membership came from, the permission trees groups grant, and
 * the rules identity-provider sync follows ({@link io.gatehouse.domain.group.MembershipSync},
 * {@link io.gatehouse.domain.group.BlockedGroupPatterns}).
 */
package io.gatehouse.domain.group;
