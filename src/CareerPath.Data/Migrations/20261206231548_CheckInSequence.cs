using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerPath.Data.Migrations
{
    /// <inheritdoc />
    public partial class CheckInSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "GoalCheckIns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Check-ins made before this number existed, numbered per goal in the order they were stored.
            migrationBuilder.Sql("""
                UPDATE "GoalCheckIns" SET "Sequence" = (
                    SELECT COUNT(*) FROM "GoalCheckIns" AS "earlier"
                    WHERE "earlier"."GoalId" = "GoalCheckIns"."GoalId" AND "earlier"."rowid" <= "GoalCheckIns"."rowid");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "GoalCheckIns");
        }
    }
}
