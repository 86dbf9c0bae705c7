namespace RipeTyped.Generator.Emit
{
    /// <summary>
    /// Internal copies of the attributes C# 11 'required' members need, for target frameworks older than .NET 7
    /// (netstandard2.0, .NET Framework). Emitted only when the compilation cannot see them.
    /// </summary>
    internal static class PolyfillEmitter
    {
        public static string Emit(bool requiredMember, bool compilerFeatureRequired)
        {
            var w = GeneratedCode.Start("System.Runtime.CompilerServices");
            if (requiredMember)
            {
                w.Line("[global::System.AttributeUsage(global::System.AttributeTargets.Class | global::System.AttributeTargets.Struct | global::System.AttributeTargets.Field | global::System.AttributeTargets.Property, AllowMultiple = false, Inherited = false)]");
                w.Line("internal sealed class RequiredMemberAttribute : global::System.Attribute");
                w.Line("{");
                w.Line("}");
            }

            if (compilerFeatureRequired)
            {
                if (requiredMember)
                {
                    w.Line();
                }

                w.Line("[global::System.AttributeUsage(global::System.AttributeTargets.All, AllowMultiple = true, Inherited = false)]");
                w.Open("internal sealed class CompilerFeatureRequiredAttribute : global::System.Attribute");
                w.Line("public CompilerFeatureRequiredAttribute(string featureName) => FeatureName = featureName;");
                w.Line();
                w.Line("public string FeatureName { get; }");
                w.Line();
                w.Line("public bool IsOptional { get; set; }");
                w.Close();
            }

            return w.Finish();
        }
    }
}
