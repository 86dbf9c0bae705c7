using System;
using System.Collections.Generic;

namespace RipeTyped.Generator.Naming
{
    /// <summary>
    /// The C# names already taken in one declaration space (a namespace, a type's members, an enum), with the plan
    /// name that took each, so a collision can name both sides.
    /// </summary>
    internal sealed class NameScope
    {
        private readonly Dictionary<string, Owner> _taken;

        // Names reserved in every scope of a kind (aliases, object's members), shared rather than copied into each of
        // the thousands of scopes a large plan makes.
        private readonly HashSet<string>? _shared;

        public NameScope(params string[] reserved)
            : this(reserved.Length, reserved)
        {
        }

        /// <param name="shared">Reserved names common to many scopes (read, never changed).</param>
        /// <param name="capacity">About how many names the scope will hold (a type's members and nested types): sized once, not grown.</param>
        /// <param name="reserved">This scope's own reserved names.</param>
        public NameScope(HashSet<string> shared, int capacity, string[] reserved)
            : this(capacity, reserved)
        {
            _shared = shared;
        }

        private NameScope(int capacity, string[] reserved)
        {
            _taken = new Dictionary<string, Owner>(Math.Max(capacity, reserved.Length), StringComparer.Ordinal);
            foreach (string name in reserved)
            {
                _taken[name] = new Owner(Generated, 0);
            }
        }

        /// <param name="shared">Reserved names common to many scopes (read, never changed).</param>
        /// <param name="reserved">This scope's own reserved names.</param>
        public NameScope(HashSet<string> shared, params string[] reserved)
            : this(shared, reserved.Length, reserved)
        {
        }

        /// <summary>Takes <paramref name="identifier"/> for <paramref name="planName"/>; on a collision returns false and who has it.</summary>
        public bool TryTake(string identifier, string planName, int line, out Owner existing)
        {
            if (_taken.TryGetValue(identifier, out existing))
            {
                return false;
            }

            if (_shared != null && _shared.Contains(identifier))
            {
                existing = new Owner(Generated, 0);
                return false;
            }

            _taken.Add(identifier, new Owner(planName, line));
            return true;
        }

        /// <summary>Takes a name for a generated helper, appending a number if it is taken; never fails.</summary>
        public string TakeUnique(string identifier)
        {
            string candidate = identifier;
            for (int i = 2; IsTaken(candidate); i++)
            {
                candidate = identifier + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _taken.Add(candidate, new Owner(Generated, 0));
            return candidate;
        }

        public bool IsTaken(string identifier) => _taken.ContainsKey(identifier) || (_shared != null && _shared.Contains(identifier));

        internal readonly struct Owner
        {
            public Owner(string planName, int line)
            {
                PlanName = planName;
                Line = line;
            }

            public string PlanName { get; }

            public int Line { get; }

            /// <summary>True when a name RipeTyped generates holds it (the type's own name, an object member...).</summary>
            public bool IsGenerated => Line == 0 && PlanName == Generated;
        }

        private const string Generated = "(generated)";
    }
}
