using System;

namespace RipeTyped
{
    /// <summary>
    /// Who a message is about, given explicitly per call. Server apps that act for many users pass one
    /// to every call instead of relying on the client's ambient identity.
    /// </summary>
    public sealed class RipeIdentity
    {
        /// <summary>Creates an identity; at least one of <paramref name="userId"/> and <paramref name="anonymousId"/> is required.</summary>
        /// <exception cref="ArgumentException">Both ids are null or blank.</exception>
        public RipeIdentity(string? userId, string? anonymousId = null, string? groupId = null)
        {
            if (string.IsNullOrWhiteSpace(userId) && string.IsNullOrWhiteSpace(anonymousId))
            {
                throw new ArgumentException("A Ripe message needs a userId or an anonymousId; both are null or blank.", nameof(userId));
            }

            UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
            AnonymousId = string.IsNullOrWhiteSpace(anonymousId) ? null : anonymousId;
            GroupId = string.IsNullOrWhiteSpace(groupId) ? null : groupId;
        }

        /// <summary>The user's id in your database, or null for an anonymous visitor.</summary>
        public string? UserId { get; }

        /// <summary>An id for a visitor not yet identified, or null.</summary>
        public string? AnonymousId { get; }

        /// <summary>The group (company, workspace, account) to put in <c>context.groupId</c>, or null.</summary>
        public string? GroupId { get; }

        /// <summary>An identity for a known user.</summary>
        public static RipeIdentity ForUser(string userId, string? groupId = null) => new RipeIdentity(userId, null, groupId);

        /// <summary>An identity for an anonymous visitor.</summary>
        public static RipeIdentity ForAnonymous(string anonymousId, string? groupId = null) => new RipeIdentity(null, anonymousId, groupId);
    }
}
