using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerPath.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddCreationKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CreationKey",
                table: "Roadmaps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreationKey",
                table: "Goals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Roadmaps_OwnerId_CreationKey",
                table: "Roadmaps",
                columns: new[] { "OwnerId", "CreationKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Goals_OwnerId_CreationKey",
                table: "Goals",
                columns: new[] { "OwnerId", "CreationKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Roadmaps_OwnerId_CreationKey",
                table: "Roadmaps");

            migrationBuilder.DropIndex(
                name: "IX_Goals_OwnerId_CreationKey",
                table: "Goals");

            migrationBuilder.DropColumn(
                name: "CreationKey",
                table: "Roadmaps");

            migrationBuilder.DropColumn(
                name: "CreationKey",
                table: "Goals");
        }
    }
}
