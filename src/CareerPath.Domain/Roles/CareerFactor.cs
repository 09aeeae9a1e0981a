using CareerPath.Domain.Common;

namespace CareerPath.Domain.Roles;

/// <summary>One of the factors that make the TPM path attractive, scored out of 10.</summary>
public sealed class CareerFactor
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int MaxScore = 10;

    private CareerFactor()
    {
    }

    public CareerFactor(string slug, string name, int score, string description, int order)
    {
        Slug = Guard.Slug(slug, "A career factor's slug");
        Update(name, score, description, order);
    }

    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Score { get; private set; }
    public string Description { get; private set; } = "";
    public int Order { get; private set; }

    public void Update(string name, int score, string description, int order)
    {
        Name = Guard.Text(name, "A career factor's name", NameMaxLength);
        Score = Guard.Range(score, $"The score of '{Slug}'", 0, MaxScore);
        Description = Guard.Text(description, "A career factor's description", DescriptionMaxLength);
        Order = order;
    }
}

/// <summary>One of the ordered steps toward the TPM role.</summary>
public sealed class CareerStep
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 1000;

    private CareerStep()
    {
    }

    public CareerStep(int order, string title, string description)
    {
        Order = Guard.Range(order, "A step's order", 1, 100);
        Update(title, description);
    }

    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";

    public void Update(string title, string description)
    {
        Title = Guard.Text(title, "A step's title", TitleMaxLength);
        Description = Guard.Text(description, "A step's description", DescriptionMaxLength);
    }
}
