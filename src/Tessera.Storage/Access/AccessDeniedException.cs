namespace Tessera.Storage.Access;

/// <summary>
/// An access the policy refused, already on record. <see cref="NotFound"/> says how to answer: a
/// thing outside the caller's scope is "not found" (its existence is not confirmed either), a
/// capability the role lacks is "not allowed".
/// </summary>
public sealed class AccessDeniedException : Exception
{
    /// <summary>Creates the exception for <paramref name="target"/>.</summary>
    public AccessDeniedException(string target, bool notFound)
        : base(notFound ? $"There is no {target} you may see." : $"Your role may not use {target}.")
    {
        Target = target;
        NotFound = notFound;
    }

    /// <summary>Creates the exception.</summary>
    public AccessDeniedException()
        : this("this", notFound: false)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AccessDeniedException(string message)
        : this(message, notFound: false)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Target = message;
    }

    private AccessDeniedException(string message, string target, bool notFound)
        : base(message)
    {
        Target = target;
        NotFound = notFound;
    }

    /// <summary>
    /// A refusal by a rule rather than by the role — the two-person rule, say — with
    /// <paramref name="message"/> saying why; answered as "not allowed" (403, exit 2).
    /// </summary>
    public static AccessDeniedException ByRule(string target, string message) => new(message, target, notFound: false);

    /// <summary>What was asked for, as recorded.</summary>
    public string Target { get; } = "";

    /// <summary>True when the thing is outside the caller's scope (answer 404), false when the role lacks the capability (403).</summary>
    public bool NotFound { get; }
}
