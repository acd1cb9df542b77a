namespace Mvps.Build.Tests;

/// <summary>
/// The reprotest run asks for every variation of `--vary=+all` that this machine can apply, switches off by name each
/// one it cannot (with the reason, for settings.json and the summary), and records what reprotest's log says it varied.
/// </summary>
public sealed class ReprotestVariationsTests
{
    private static readonly ReprotestProbes Everything = new(Fuse: null, Kernel: null, Aslr: null, UtsNamespace: null, Cpus: 2, SecondUser: null, UserGroup: null);

    [Fact]
    public void On_a_machine_with_FUSE_and_no_second_user_only_user_group_is_switched_off()
    {
        var variations = ReprotestVariations.Decide(Everything);

        Assert.Equal(14, variations.Count);
        Assert.Equal(["user_group"], variations.Where(variation => variation.NotApplied is not null).Select(variation => variation.Name));
        Assert.Equal("+all,-user_group", ReprotestVariations.VarySpec(variations, secondUser: null));
    }

    [Fact]
    public void Without_FUSE_disorderfs_is_named_with_the_reason_instead_of_failing_the_run()
    {
        var variations = ReprotestVariations.Decide(Everything with { Fuse = "disorderfs needs FUSE, and /dev/fuse cannot be opened here", Cpus = 1 });

        Assert.Equal("disorderfs needs FUSE, and /dev/fuse cannot be opened here", variations.Single(variation => variation.Name == "fileordering").NotApplied);
        Assert.Contains("1 CPU", variations.Single(variation => variation.Name == "num_cpus").NotApplied);
        Assert.Equal("+all,-num_cpus,-user_group,-fileordering", ReprotestVariations.VarySpec(variations, secondUser: null));
    }

    [Fact]
    public void A_second_user_that_reprotest_can_switch_to_is_varied_with_sudo_for_the_host_name()
    {
        var variations = ReprotestVariations.Decide(Everything with { SecondUser = "builder:builder" });

        Assert.All(variations, variation => Assert.Null(variation.NotApplied));
        Assert.Equal("+all,user_group.available+=builder:builder,domain_host.use_sudo=1", ReprotestVariations.VarySpec(variations, "builder:builder"));

        var refused = ReprotestVariations.Decide(Everything with { SecondUser = "builder:builder", UserGroup = "sudo: a remote host may only be specified when listing privileges." });
        Assert.Equal("+all,-user_group", ReprotestVariations.VarySpec(refused, "builder:builder"));
    }

    [Fact]
    public void The_log_of_reprotest_0_7_23_gives_the_experiments_variations_and_their_values_without_this_machines_PATH()
    {
        const string log = """
            INFO:reprotest:build "control": FIX environment, FIX build_path, FIX kernel, FIX aslr, FIX num_cpus, FIX time, FIX user_group, FIX fileordering, FIX domain_host, FIX home, FIX locales, FIX exec_path, FIX timezone, FIX umask
            INFO:reprotest.build:TIMEZONE variation: TZ=GMT+12
            INFO:reprotest:build "experiment-1": vary environment, vary build_path, vary kernel, vary aslr, vary num_cpus, vary time, FIX user_group, vary fileordering, vary domain_host, vary home, vary locales, vary exec_path, vary timezone, vary umask
            INFO:reprotest.build:FAKETIME variation: faketime = +285days+16hours+1minutes
            INFO:reprotest.build:EXEC_PATH variation: PATH = /home/someone/bin:/usr/bin:/i_capture_the_path
            INFO:reprotest.build:TIMEZONE variation: TZ=GMT-14
            WARNING:reprotest.build:Not using sudo for domain_host; your build may fail. See man page for other options.
            WARNING:reprotest.build:IGNORING user_group variation; supply more usergroups with --variations=user_group.available+=USER1:GROUP1;USER2:GROUP2 or alternatively, suppress this warning with --variations=-user_group
            INFO:reprotest.build:KERNEL variation: SETARCH_ARCH = 'uname26' SETARCH_OPTS = '--uname-2.6'
            """;

        var (varied, values, warnings) = ReprotestVariations.ParseLog(log.Replace("\r", "", StringComparison.Ordinal));

        Assert.Equal(13, varied.Count);
        Assert.DoesNotContain("user_group", varied);
        Assert.Equal("TZ=GMT-14", values["timezone"]);
        Assert.Equal("faketime = +285days+16hours+1minutes", values["faketime"]);
        Assert.Equal("SETARCH_ARCH = 'uname26' SETARCH_OPTS = '--uname-2.6'", values["kernel"]);
        Assert.DoesNotContain("someone", values["exec_path"]);
        Assert.StartsWith("WARNING:reprotest.build:IGNORING user_group variation", Assert.Single(warnings));
    }

    [Fact]
    public void A_log_without_an_experiment_build_reports_nothing_as_varied()
    {
        var (varied, values, _) = ReprotestVariations.ParseLog("reprotest: error: unrecognized arguments\n");

        Assert.Empty(varied);
        Assert.Empty(values);
    }
}
