using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CareerPath.Data;

/// <summary>Lets `dotnet ef` build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CareerPathDbContext>
{
    public CareerPathDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CareerPathDbContext>()
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), "careerpath-design.db")}")
            .Options;
        return new CareerPathDbContext(options);
    }
}
