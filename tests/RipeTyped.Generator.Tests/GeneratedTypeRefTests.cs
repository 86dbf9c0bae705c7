using RipeTyped.Generator.Spec;

namespace RipeTyped.Generator.Tests;

/// <summary>A generated type's identity: each form of its name, its place relative to a scope, equality by value.</summary>
public class GeneratedTypeRefTests
{
    private static readonly GeneratedTypeRef Outer = GeneratedTypeRef.TopLevel("A.B", "Outer");
    private static readonly GeneratedTypeRef Inner = Outer.Nested("Middle").Nested("Inner");

    [Fact]
    public void Names_a_nested_type_in_each_form()
    {
        Assert.Equal("global::A.B.Outer.Middle.Inner", Inner.FullyQualifiedName);
        Assert.Equal("A.B.Outer+Middle+Inner", Inner.MetadataName);
        Assert.Equal("Outer.Middle.Inner", Inner.NameInNamespace);
        Assert.Equal("global::A.B.Outer", Outer.FullyQualifiedName);
        Assert.Equal("A.B.Outer", Outer.MetadataName);
    }

    [Fact]
    public void Is_short_only_directly_inside_its_scope()
    {
        var middle = Outer.Nested("Middle");
        Assert.Equal("Inner", Inner.NameIn(middle));
        Assert.Equal("global::A.B.Outer.Middle.Inner", Inner.NameIn(Outer));
        Assert.Equal("global::A.B.Outer.Middle.Inner", Inner.NameIn(null));
        Assert.Equal("global::A.B.Outer.Middle.Inner", Inner.NameIn(GeneratedTypeRef.TopLevel("A.B", "Other").Nested("Middle")));
        Assert.Equal("global::A.B.Outer", Outer.NameIn(Outer));
    }

    [Fact]
    public void Is_equal_by_value()
    {
        var again = GeneratedTypeRef.TopLevel("A.B", "Outer").Nested("Middle").Nested("Inner");
        Assert.Equal(Inner, again);
        Assert.Equal(Inner.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(Inner, GeneratedTypeRef.TopLevel("A.B", "Inner"));
    }
}
