using System;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace RipeTyped.AspNetCore
{
    /// <summary>
    /// One request's identity, kept in its <see cref="HttpContext.Features"/>: the user of its principal or of an
    /// Identify made in it, the visitor's anonymous id (from the cookie, or new and then written to the cookie), and
    /// its group. Nothing here is shared with another request.
    /// </summary>
    internal sealed class RequestIdentity
    {
        // A cookie value longer than this, or with other characters, was not written by us: a new id replaces it.
        private const int MaxAnonymousIdLength = 64;

        private readonly object _lock = new object();
        private readonly HttpContext _context;
        private readonly RipeAspNetCoreOptions _options;
        private string _anonymousId;
        private string? _identifiedUserId;
        private string? _groupId;
        private bool _signedOut;
        private bool _anonymousIdKept;
        private RipeIdentity? _last;
        private ClaimsPrincipal? _principal;
        private string? _principalUserId;

        private RequestIdentity(HttpContext context, RipeAspNetCoreOptions options)
        {
            _context = context;
            _options = options;
            string? fromCookie = context.Request.Cookies[options.AnonymousIdCookieName];
            if (IsOurs(fromCookie))
            {
                _anonymousId = fromCookie!;
                _anonymousIdKept = true;
            }
            else
            {
                _anonymousId = NewAnonymousId();
            }
        }

        /// <summary>A new anonymous id was needed after the response had started, so no cookie could keep it.</summary>
        public bool CookieCameTooLate { get; private set; }

        /// <summary>The title a page call made in this request sends (<c>HttpContext.SetRipePageTitle</c>).</summary>
        public string? PageTitle { get; set; }

        public static RequestIdentity Of(HttpContext context, RipeAspNetCoreOptions options)
        {
            var identity = context.Features.Get<RequestIdentity>();
            if (identity is null)
            {
                identity = new RequestIdentity(context, options);
                context.Features.Set(identity);
            }

            return identity;
        }

        public RipeIdentity Current()
        {
            string? userId = _signedOut ? _identifiedUserId : _identifiedUserId ?? UserIdOfPrincipal();
            lock (_lock)
            {
                string? groupId = _groupId ?? _options.GroupId?.Invoke(_context);

                // An id no cookie keeps would make a throw-away anonymous profile per request of a known user: leave it out.
                string? anonymousId = userId != null && !_anonymousIdKept ? null : _anonymousId;
                var last = _last;
                if (last != null && last.UserId == userId && last.AnonymousId == anonymousId && last.GroupId == groupId)
                {
                    return last;
                }

                return _last = new RipeIdentity(userId, anonymousId, groupId);
            }
        }

        public RipeIdentity Identify(string userId)
        {
            lock (_lock)
            {
                _identifiedUserId = userId;
            }

            return Current();
        }

        public RipeIdentity Group(string groupId)
        {
            lock (_lock)
            {
                _groupId = groupId;
            }

            return Current();
        }

        /// <summary>Log-out: this request forgets its user and group (even its principal's) and the visitor gets a new anonymous id.</summary>
        public void Reset()
        {
            lock (_lock)
            {
                _identifiedUserId = null;
                _groupId = null;
                _signedOut = true;
                _anonymousId = NewAnonymousId();
            }
        }

        // The claim lookup allocates; a request's principal rarely changes, so its user id is looked up once per principal.
        private string? UserIdOfPrincipal()
        {
            var user = _context.User;
            lock (_lock)
            {
                if (!ReferenceEquals(user, _principal))
                {
                    _principalUserId = UserIdOf(user);
                    _principal = user;
                }

                return _principalUserId;
            }
        }

        private string? UserIdOf(ClaimsPrincipal? user)
        {
            if (user?.Identity?.IsAuthenticated != true)
            {
                return null;
            }

            foreach (string type in _options.UserIdClaimTypes)
            {
                string? value = user.FindFirst(type)?.Value;
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary>A new id for this visitor, written to the cookie while the response's headers can still change.</summary>
        private string NewAnonymousId()
        {
            string id = Guid.NewGuid().ToString("D");
            var response = _context.Response;
            _anonymousIdKept = false;
            if (!_options.CanSetCookie(_context))
            {
                return id;
            }

            if (response.HasStarted)
            {
                CookieCameTooLate = true;
                return id;
            }

            _anonymousIdKept = true;
            response.Cookies.Append(_options.AnonymousIdCookieName, id, new CookieOptions
            {
                HttpOnly = _options.AnonymousIdCookieHttpOnly,
                Secure = _context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = _options.AnonymousIdCookieLifetime,
                Path = "/",
                IsEssential = false,
            });
            return id;
        }

        private static bool IsOurs(string? value)
        {
            if (string.IsNullOrEmpty(value) || value!.Length > MaxAnonymousIdLength)
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_') || c > 127)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
