namespace SafeCallLogger;

/// <summary>The notation odds were given in.</summary>
public enum OddsFormat
{
    /// <summary>Decimal (European) odds: the total return per unit staked, always greater than 1, e.g. 2.10.</summary>
    Decimal = 0,

    /// <summary>American (moneyline) odds: +150 wins 150 per 100 staked, -110 stakes 110 to win 100. Never between -100 and +100.</summary>
    American = 1,
}
