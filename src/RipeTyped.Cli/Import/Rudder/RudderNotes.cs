using System;
using System.Collections.Generic;

namespace RipeTyped.Cli.Import.Rudder
{
    /// <summary>
    /// The plan being imported and its not-mapped list, where a note about a catalog entry (its config, its type) is
    /// written once however many rules use the entry; what is lost with each use is reported by the use.
    /// </summary>
    internal sealed class RudderNotes
    {
        private readonly HashSet<string> _noted = new HashSet<string>(StringComparer.Ordinal);

        public RudderNotes(ImportedPlan plan) => Plan = plan;

        public ImportedPlan Plan { get; }

        public void Note(string path, string what)
        {
            if (_noted.Add(path + "\n" + what))
            {
                Plan.Report(path, what);
            }
        }
    }
}
