using System.Collections.Generic;
using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Loading
{
    /// <summary>
    /// While a plan's YAML does not parse (the user is typing), the generator keeps emitting the spec of that plan's last
    /// version that parsed in this process, so call sites stay typed and only the YAML error shows. RIPE0001 is an error,
    /// so such a build never succeeds on stale code; a fresh process with a broken plan generates nothing.
    /// Keyed by plan path and namespace; bounded, least recently used first out.
    /// </summary>
    internal static class LastReadableSpecs
    {
        public const int Capacity = 32;

        private static readonly object Lock = new object();
        private static readonly LinkedList<KeyValuePair<(string Path, string Namespace), GenerationSpec>> Entries =
            new LinkedList<KeyValuePair<(string Path, string Namespace), GenerationSpec>>();

        public static void Remember(string path, string defaultNamespace, GenerationSpec spec)
        {
            lock (Lock)
            {
                Remove((path, defaultNamespace));
                Entries.AddFirst(new KeyValuePair<(string, string), GenerationSpec>((path, defaultNamespace), spec));
                while (Entries.Count > Capacity)
                {
                    Entries.RemoveLast();
                }
            }
        }

        public static GenerationSpec? Find(string path, string defaultNamespace)
        {
            lock (Lock)
            {
                for (var node = Entries.First; node != null; node = node.Next)
                {
                    if (node.Value.Key == (path, defaultNamespace))
                    {
                        return node.Value.Value;
                    }
                }

                return null;
            }
        }

        private static void Remove((string, string) key)
        {
            for (var node = Entries.First; node != null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    Entries.Remove(node);
                    return;
                }
            }
        }
    }
}
